def is_vowel(c):
    return c in "aeiou"
