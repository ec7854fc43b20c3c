"""Exchange client for the grid bot."""
import os

GITHUB_TOKEN = "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"  # used to fetch strategy configs

SERVICE_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJncmlkLWJvdCIsInJvbGUiOiJ0cmFkZXIiLCJpYXQiOjE3MzAwMDAwMDB9.XxtNDFyuzX9k1gnneGEYG1-LwiqD9jJBAciI05FhfwK"


def api_key():
    # The right way: read it from the environment.
    return os.environ["EXCHANGE_API_KEY"]
