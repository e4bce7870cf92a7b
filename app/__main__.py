"""`python -m app` goes through the same entry point as the installed command."""

from app.cli import main

raise SystemExit(main())
