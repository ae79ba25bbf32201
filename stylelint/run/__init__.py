"""Running over files: discovery, reading, the result cache, worker processes, fixing and safe writes."""
