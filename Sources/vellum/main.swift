import Foundation
import VellumCLI

exit(VellumCommand.runMain())
