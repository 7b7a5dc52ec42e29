"""skincare-lint: lint skincare and dermatology articles against a medical-claims policy."""

__version__ = "0.1.0"
