"""`complaints`: a complaints log's measures as text, JSON and an Excel workbook."""
