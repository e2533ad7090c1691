from seisai.cli.app import main

main()
