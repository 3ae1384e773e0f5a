from __future__ import annotations

import sys

from selfassess.cli import main

sys.exit(main())
