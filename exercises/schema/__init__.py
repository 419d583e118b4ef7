"""The schema of every data file: the toolkit, and one module per kind of file.

Exercise kinds bring their own schema (:mod:`exercises.kinds`); :mod:`exercises.schema.exercise`
checks what every exercise shares and hands the rest to the kind.
"""
