"""Media: probing, thumbnails, redaction, conversion of evidence files; worker threads."""
