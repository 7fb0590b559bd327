"""What the propagator knows about Keras: layers, losses, datasets and version differences."""
