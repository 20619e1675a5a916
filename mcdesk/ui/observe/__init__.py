"""The Observe place (coach): observe a lesson, then line the notes up with its video; GUI
thread."""
