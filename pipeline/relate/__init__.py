"""Pass 2: what each sentence says, given pass 1's frozen context: speech, figures, agreements."""
