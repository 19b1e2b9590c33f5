from spec_lint.cli import main

main()
