// The system's libyaml (Debian: libyaml-dev), read through its event API.
#include <yaml.h>
