"""What kg knows of Chinese and the domain: segmentation, function words, numerals, tense, the lexicon, data files."""
