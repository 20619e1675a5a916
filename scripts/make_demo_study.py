"""Write the demo catalog with its study files (resource files and exemplar media, drawn now)
into a folder, ready for `mcdesk-issuer --data D catalog import DIR/catalog.json`; main thread.

    .venv/bin/python scripts/make_demo_study.py DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mcdesk.services.demo_study import demo_catalog, write_demo_study


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    catalog = demo_catalog()
    made = write_demo_study(folder, catalog)
    (folder / "catalog.json").write_text(json.dumps(catalog, ensure_ascii=False, indent=2)
                                         + "\n", encoding="utf-8")
    print(f"{folder / 'catalog.json'}: the demo catalog with {len(made)} study files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
