#include "cli/cli.hpp"

int main(int argc, char** argv) { return migsafe::cli::run(argc, argv); }
