"""The waiting-room kiosk: one fullscreen shell around the shared screens, storing nothing."""
