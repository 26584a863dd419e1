"""The desk's own API endpoints: those that need the whole person record (a floor above the apps
whose records they change), with the URL table in `desk.api_urls`."""
