"""Screens shared by the home window and the kiosk shell."""
