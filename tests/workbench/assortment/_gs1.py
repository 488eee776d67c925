"""GS1 check digits computed apart from the code under test, so the tests' GTINs are real ones."""


def with_check_digit(body: str) -> str:
    """``body`` followed by its GS1 mod-10 check digit (weights 3, 1, 3 … from the right)."""
    weights = [3 if index % 2 == 0 else 1 for index in range(len(body))]
    total = sum(int(digit) * weight for digit, weight in zip(reversed(body), weights, strict=True))
    return body + str(-total % 10)
