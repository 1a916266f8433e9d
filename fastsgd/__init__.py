"""How a neural network is trained, from pixel similarity to a resnet18: chapter 4 of the fastai book as notebooks and a small, fast library

Modules:

- `fastsgd.learner`: fastai's `Learner` on our 3s and 7s, then one written from scratch: a training loop, its events and callbacks, and a recorder"""

__version__ = "0.0.1"
