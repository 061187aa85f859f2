# Pattern from argcomplete's copy of argparse (_parse_known_args): the next index is the min of a list comprehension
# built only for that one pass; a generator expression gives the same result without the list.
def next_option(indices, start):
    return min([  # expect: loop.unnecessary-materialization
        i
        for i in indices
        if i >= start])
