"""How a neural network is trained, from pixel similarity to a resnet18: chapter 4 of the fastai book as notebooks and a small, fast library

Modules:

- `fastsgd.cache`: fastai's layouts on disk: the embedded digits written once, never half-written, checked and repaired; and the checks of a folder you bring
- `fastsgd.callbacks`: A guard against a loss that blows up, a check of the targets, and progress bars: callbacks for the `Learner` of notebook 06
- `fastsgd.exercises.record`: What the learner did, kept on their machine: one line per check, hint or solution in `progress.jsonl`, appended under a lock, with a damaged line set aside rather than the whole record
- `fastsgd.learner`: fastai's `Learner` on our 3s and 7s, then one written from scratch: a training loop, its events and callbacks, and a recorder
- `fastsgd.live`: A loss curve that redraws while a model trains in a notebook, and is drawn once everywhere else
- `fastsgd.utils`: The bottom layer of fastsgd: seeds, the device to run on, one message for a bad choice, whether we run in a notebook or under a test, the fastsgd home, files written whole or not at all, and a lock"""

__version__ = "0.0.1"
