"""What a PDF's stylesheet needs (WeasyPrint renders the minutes and the disclosure letters)."""


def css_string(text: str) -> str:
    """Text safe inside a double-quoted CSS string: anything but plain characters hex-escaped."""
    return "".join(
        char if char.isalnum() or char in " .,:;-()" else f"\\{ord(char):x} " for char in text
    )
