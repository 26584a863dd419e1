#!/usr/bin/env python
from mappa.cli import main

if __name__ == "__main__":
    main()
