package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/bearercheck/bearercheck/internal/driver"
	"golang.org/x/term"
)

// progress shows how a long run advances on a terminal: after a second,
// one line on stderr, rewritten in place ("loading packages…", "analysed
// 120 of 800 packages"), erased when the run ends. It shows nothing when
// stderr is not a terminal (pipes, files, CI logs).
type progress struct {
	w     io.Writer
	start time.Time
	stop  chan struct{}
	wg    sync.WaitGroup

	mu    sync.Mutex
	state driver.Progress
	shown bool
}

// progressDelay is how long a run goes before it shows progress.
const progressDelay = time.Second

func newProgress(f *os.File) *progress {
	p := &progress{w: f, start: time.Now()}
	if !term.IsTerminal(int(f.Fd())) {
		return p // update and done do nothing
	}
	p.stop = make(chan struct{})
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-tick.C:
				if time.Since(p.start) >= progressDelay {
					p.draw()
				}
			}
		}
	}()
	return p
}

// update records the driver's progress.
func (p *progress) update(s driver.Progress) {
	if p.stop == nil {
		return
	}
	p.mu.Lock()
	if s.Analysed >= p.state.Analysed {
		p.state = s
	}
	p.mu.Unlock()
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.state
	elapsed := time.Since(p.start).Truncate(time.Second)
	line := fmt.Sprintf("bearercheck: loading packages… %s", elapsed)
	if s.Loaded {
		line = fmt.Sprintf("bearercheck: loaded %d packages, analysed %d… %s", s.Total, s.Analysed, elapsed)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.shown = true
}

// done stops the display and erases its line.
func (p *progress) done() {
	if p.stop == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
