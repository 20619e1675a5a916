"""mcdesk benchmarks: speed figures as ratios against a reference measured in the same run.

Run them with ``python -m benchmarks`` (``--quick`` for a short run, ``--only NAME`` for one
figure). They are never part of the test suite's pass/fail timing; see DESIGN.md section 8.
"""
