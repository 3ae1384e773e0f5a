"""The published self-assessment form: its view-model, and its HTML, Markdown and Word."""
