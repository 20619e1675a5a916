"""`mcdesk plan` as a user runs it (a real subprocess on a real portfolio): add with a target
date, list --json with state, hours and due soon, a stack goal, reminders with their exit code
and window, remove; bad dates and unknown names refused with a clear message and exit 2."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.badge_helpers import EXIT_TICKETS, FAMILY
from tests.cli.test_cli import mcdesk
from tests.conftest import DEMO_CATALOG


def test_plan_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    portfolio = tmp_path / "portfolio"
    assert mcdesk(home, "catalog", "import", str(DEMO_CATALOG), portfolio=portfolio).code == 0
    soon = date.today() + timedelta(days=5)
    later = date.today() + timedelta(days=60)

    empty = mcdesk(home, "plan", "list", portfolio=portfolio)
    assert empty.code == 0 and "Your plan is empty" in empty.out

    added = mcdesk(home, "plan", "add", "exit-tickets", "--by", soon.isoformat(),
                   portfolio=portfolio)
    assert added.code == 0, added.err
    assert "Checking for Understanding with Exit Tickets" in added.out
    as_json = mcdesk(home, "plan", "add", "Two-Way Communication with Families", "--by",
                     later.isoformat(), "--json", portfolio=portfolio)
    assert as_json.code == 0 and as_json.json() == {
        "achievement_id": FAMILY, "target_date": later.isoformat(), "new": True}
    rule = mcdesk(home, "credential", "rule", "set", "District", "--hours", "3",
                  portfolio=portfolio)
    assert rule.code == 0, rule.err
    goal = mcdesk(home, "plan", "goal", "Family Engagement", "--json", portfolio=portfolio)
    assert goal.code == 0 and goal.json()["goal"]["progress"] == "0 of 2"

    listed = mcdesk(home, "plan", "list", "--json", portfolio=portfolio)
    assert listed.code == 0, listed.err
    view = listed.json()
    entries = {e["achievement_id"]: e for e in view["entries"]}
    assert [e["achievement_id"] for e in view["entries"]] == [EXIT_TICKETS, FAMILY]
    first = entries[EXIT_TICKETS]
    assert (first["title"], first["target_date"], first["state"], first["hours"],
            first["due"], first["due_soon"], first["overdue"], first["days_left"]) == (
        "Checking for Understanding with Exit Tickets", soon.isoformat(), "studying", 3.0,
        "due soon", True, False, 5)
    assert entries[FAMILY]["due"] is None and view["rule"] == "District"
    assert view["goal"]["name"] == "Family Engagement"
    assert view["goal"]["not_in_plan"] == [
        {"achievement_id": "https://demo.mcdesk.org/achievements/family-learning-cafe",
         "title": "Family Learning Café"}]
    text = mcdesk(home, "plan", "list", portfolio=portfolio)
    assert "due soon" in text.out and "3 h" in text.out and "0 of 2 earned" in text.out

    reminders = mcdesk(home, "plan", "reminders", portfolio=portfolio)
    assert reminders.code == 1 and "due in 5 day(s)" in reminders.out
    quiet = mcdesk(home, "plan", "reminders", "--days", "3", "--json", portfolio=portfolio)
    assert quiet.code == 0 and quiet.json()["reminders"] == []
    assert quiet.json()["remind_days"] == 3

    for bad in ("2026-13-01", "next week", "31/12/2026"):
        refused = mcdesk(home, "plan", "add", "exit-tickets", "--by", bad, portfolio=portfolio)
        assert refused.code == 2 and f'"{bad}" is not a date' in refused.err
        assert "YYYY-MM-DD" in refused.err and "Traceback" not in refused.err
    past = mcdesk(home, "plan", "add", "exit-tickets", "--by", "2000-01-01",
                  portfolio=portfolio)
    assert past.code == 2 and "already past" in past.err
    unknown = mcdesk(home, "plan", "add", "knitting", "--by", later.isoformat(),
                     portfolio=portfolio)
    assert unknown.code == 2 and "knitting" in unknown.err
    no_stack = mcdesk(home, "plan", "goal", "Knitting", portfolio=portfolio)
    assert no_stack.code == 2 and "Family Engagement" in no_stack.err
    after = mcdesk(home, "plan", "list", "--json", portfolio=portfolio).json()
    assert [e["target_date"] for e in after["entries"]] == [soon.isoformat(),
                                                            later.isoformat()]

    removed = mcdesk(home, "plan", "remove", "exit-tickets", portfolio=portfolio)
    assert removed.code == 0 and "Checking for Understanding" in removed.out
    again = mcdesk(home, "plan", "remove", "exit-tickets", portfolio=portfolio)
    assert again.code == 2 and "not in your plan" in again.err
    cleared = mcdesk(home, "plan", "goal", "--clear", portfolio=portfolio)
    assert cleared.code == 0 and "No stack goal now" in cleared.out
    final = mcdesk(home, "plan", "list", "--json", portfolio=portfolio).json()
    assert [e["achievement_id"] for e in final["entries"]] == [FAMILY]
    assert final["goal"] is None
    helped = mcdesk(home, "plan", "--help")
    assert helped.code == 0
    assert all(f"    {action}" in helped.out
               for action in ("add", "list", "remove", "goal", "reminders"))
