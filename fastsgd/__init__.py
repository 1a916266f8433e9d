"""How a neural network is trained, from pixel similarity to a resnet18: chapter 4 of the fastai book as notebooks and a small, fast library

Modules:

- `fastsgd.bench`: `fastsgd bench`: seconds per epoch of the book's way, of fastsgd's, and of a bare PyTorch loop, for the chapter's models and the resnet18 (all in one process, on the same data), with the ratios between them and the time each way needs to reach a target accuracy; and the same for all ten digits read from a CSV file of Kaggle's size
- `fastsgd.cache`: fastai's layouts on disk, and Kaggle's CSV files: the embedded digits written once, never half-written, checked and repaired; and the checks of a folder, or a Kaggle CSV file, you bring
- `fastsgd.callbacks`: A guard against a loss that blows up, a check of the targets, and progress bars: callbacks for the `Learner` of notebook 06
- `fastsgd.cli`: Every stage of the chapter, end to end, on the same data: one table of validation accuracy and seconds (`fastsgd`), the speed of three ways to train (`fastsgd bench`), a checked Kaggle submission (`fastsgd kaggle`), and the record of your exercises (`fastsgd progress`)
- `fastsgd.data`: The chapter's first steps: the folders of digit images, one image as numbers, and a folder of images as one tensor
- `fastsgd.exercises.commands`: What the learner calls from a "your turn" cell: `check` for a verdict, `hint` for the next hint, `solution`, `skeleton`, and `check_all` after a restart; each one recorded
- `fastsgd.exercises.core`: An exercise and the table of them all: where it is taught, the task, its "your turn" cell derived from its solution, its judge and hints; and the verdict of a judge on an answer
- `fastsgd.exercises.ex00_data`: The judges behind the "your turn" cells of [00_data](../../00_data.ipynb), and their tests
- `fastsgd.exercises.ex01_pixel_similarity`: The judges behind the "your turn" cells of [01_pixel_similarity](../../01_pixel_similarity.ipynb), and their tests
- `fastsgd.exercises.ex02_sgd`: The judges behind the "your turn" cells of [02_sgd](../../02_sgd.ipynb), and their tests
- `fastsgd.exercises.ex03_loss`: The judges behind the "your turn" cells of [03_loss](../../03_loss.ipynb), and their tests
- `fastsgd.exercises.ex04_training`: The judges behind the "your turn" cells of [04_training](../../04_training.ipynb), and their tests
- `fastsgd.exercises.ex05_optimizer`: The judges behind the "your turn" cells of [05_optimizer](../../05_optimizer.ipynb), and their tests
- `fastsgd.exercises.ex06_learner`: The judges behind the "your turn" cells of [06_learner](../../06_learner.ipynb), and their tests
- `fastsgd.exercises.ex07_nonlinearity`: The judges behind the "your turn" cells of [07_nonlinearity](../../07_nonlinearity.ipynb), and their tests
- `fastsgd.exercises.ex08_resnet`: The judges behind the "your turn" cells of [08_resnet](../../08_resnet.ipynb), and their tests
- `fastsgd.exercises.ex09_full_mnist`: The judges behind the "your turn" cells of [09_full_mnist](../../09_full_mnist.ipynb), and their tests
- `fastsgd.exercises.ex10_kaggle`: The judges behind the "your turn" cells of [10_kaggle](../../10_kaggle.ipynb), and their tests
- `fastsgd.exercises.explain`: What the learner's code raised, where in their own code, on which input, and what usually causes it: the sentence `check` prints when an answer fails with an exception
- `fastsgd.exercises.judge`: What an exercise module uses to write a judge: the `Judge` it is given, the two outcomes it raises (`Wrong`, `NotDone`), and the helpers that describe and compare values
- `fastsgd.exercises.record`: What the learner did, kept on their machine: one line per check, hint or solution in `progress.jsonl`, appended under a lock, with a damaged line set aside rather than the whole record
- `fastsgd.exercises.table`: `progress()`: where the learner is, lesson by lesson, read from the record: each exercise's latest verdict, how many checks, the hints seen and whether the solution was shown
- `fastsgd.exercises.testing`: The helpers the exercise notebooks test their judges with: an answer judged right, wrong with a given diagnosis, or not done; and one test of every exercise of a lesson, its "your turn" cell included
- `fastsgd.fast_resnet`: What makes the resnet18 stage of notebook 8 quick on a CPU: fastai imported on first use, `DataLoaders` over decoded tensors, and fastai's table without its progress bars
- `fastsgd.full_mnist`: Softmax, log-softmax and cross-entropy from scratch, a confusion matrix, and the chapter's models on all ten digits
- `fastsgd.kaggle`: Kaggle's Digit Recognizer, from its CSV files to a checked `submission.csv`: the files as tensors, a validation set of our own, the chapter's models, and what the leaderboard's score means
- `fastsgd.learner`: fastai's `Learner` on our 3s and 7s, then one written from scratch: a training loop, its events and callbacks, and a recorder
- `fastsgd.live`: A loss curve that redraws while a model trains in a notebook, and is drawn once everywhere else
- `fastsgd.loss`: A linear model for the 3s and 7s, why accuracy cannot be the loss, and the sigmoid that gives us one we can learn from
- `fastsgd.nonlinearity`: Why two linear layers are no better than one, the ReLU that fixes it, and the book's `simple_net` trained with fastai's Learner and ours
- `fastsgd.optimizer`: `nn.Linear` in place of our hand-made parameters, a `BasicOptim` that steps them, and fastai's `SGD` doing the same job
- `fastsgd.pixel_similarity`: Images as numbers, the mean 3 and the mean 7, distances and broadcasting: a first classifier with no training at all
- `fastsgd.resnet`: A resnet18 from fastai on the same digits: DataLoaders from a folder, `vision_learner`, what the book's line of training does on our 800 images and why, the recipe that fixes it one piece at a time, and a confusion matrix
- `fastsgd.sgd`: The seven steps of SGD, gradients with autograd, learning rates, a curve fitted end to end, and a line fitted three ways
- `fastsgd.training`: What a DataLoader does, a fast loader for tensors already in memory, and SGD from scratch on the 3s and 7s
- `fastsgd.utils`: The bottom layer of fastsgd: seeds, the device to run on, one message for a bad choice, whether we run in a notebook or under a test, the fastsgd home, files written whole or not at all, and a lock"""

__version__ = "0.0.1"
