"""Drawing shared by the window (app.ui) and the printed exports (app.export): pictures for text
documents, the app's line icons, the theme's colours and how each warning level looks. It sits
below both, so neither imports the other (ARCHITECTURE.md, "export sits beside ui")."""
