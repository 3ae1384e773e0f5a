"""A landlord's complaints log: read from a case-management export, every case judged in working
days against a code's time limits, and summarised as the Regulator's measures (CH01, CH02)."""
