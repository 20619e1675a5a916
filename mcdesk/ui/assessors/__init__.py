"""ui/assessors: the Assessors place (issuer staff: pools, calibration, agreement); GUI
thread."""
