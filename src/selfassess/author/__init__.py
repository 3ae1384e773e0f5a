"""Writing assessments for people to fill in: `new`, `import` and `migrate` all end here."""
