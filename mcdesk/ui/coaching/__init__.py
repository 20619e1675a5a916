"""The Coaching place (coach): comment on a teacher's draft received by exchange, practice
scores, the bundle back to the teacher; GUI thread."""
