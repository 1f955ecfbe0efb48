"""``python -m guestology``."""

from guestology.cli import main

if __name__ == "__main__":
    main()
