def count_matches(pattern, lines):
    return len([line for line in lines if pattern in line])  # expect: loop.unnecessary-materialization
