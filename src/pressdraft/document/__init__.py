"""Documents: rendered Markdown becomes blocks, and blocks become files.

``blocks`` parses Markdown into a small block model (and back to text and preview HTML);
``rendition`` is what the pipeline hands over; ``docx`` writes Word documents into a letterhead;
``export`` makes the editions (one per language, side by side, Markdown, text, ZIP, PDF).
"""
