"""One module per schema revision, applied in order; never edit one that has shipped."""
