import VellumCLI

VellumCommand.main()
