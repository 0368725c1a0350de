"""Remake docs/diff-example.png: the seed example's HTML diff in headless Chromium.

Run from the repository root with Debian's chromium and chromium-driver installed:
    .venv/bin/python docs/examples/screenshot.py
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "diff.html"
        subprocess.run([str(ROOT / ".venv/bin/diplodiff"), "diff", "seeds/004_55e9fcd968524c2c.txt",
                        "seeds/000_ae7edd6c8a22359c.txt", "--catalog", "seeds/catalog.csv",
                        "--format", "html", "-o", str(page)], check=True, cwd=ROOT)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--force-device-scale-factor=1", "--window-size=1400,1000"):
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
        try:
            driver.get(page.as_uri())
            driver.save_screenshot(str(ROOT / "docs" / "diff-example.png"))
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
