"""Files in, Articles out: decoding, front matter, cleaning, sentences and publication dates."""
