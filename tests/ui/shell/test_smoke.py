"""`mcdesk --smoke-test`, run as an installer or CI runs it: 0 once a new portfolio is open with
its sample evidence made by the media workers, 1 with the reason when the portfolio cannot
open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli_runner import user_env


def smoke(home: Path, portfolio: Path) -> subprocess.CompletedProcess[str]:
    env = user_env(home) | {"QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "mcdesk", "--portfolio", str(portfolio),
                           "--smoke-test"], env=env, capture_output=True, text=True,
                          timeout=240, check=False, cwd=home)


def test_a_new_portfolio_opens_with_its_sample_evidence_then_the_app_quits(
        tmp_path: Path) -> None:
    portfolio = tmp_path / "portfolio"
    done = smoke(tmp_path, portfolio)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (f"mcdesk smoke test: portfolio {portfolio} open, the catalog shows 11 "
            "micro-credentials, 4 sample files added") in done.stdout
    again = smoke(tmp_path, portfolio)  # an existing portfolio: no sample evidence to wait for
    assert again.returncode == 0, again.stdout + again.stderr
    assert "0 sample files added" in again.stdout


def test_a_portfolio_that_cannot_open_fails_with_the_reason(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "portfolio"
    not_a_folder.write_text("a file where the portfolio folder should be")
    done = smoke(tmp_path, not_a_folder)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "mcdesk smoke test failed: the portfolio did not open" in done.stderr
    assert not_a_folder.read_text() == "a file where the portfolio folder should be"
