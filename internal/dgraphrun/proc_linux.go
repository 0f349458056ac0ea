package dgraphrun

import (
	"os"
	"syscall"
)

// sysProcAttr puts a Dgraph process in its own process group, so that a
// terminal's Ctrl-C goes to the program that started it (which stops it
// in order), and has the kernel kill it if that program dies first. (The
// signal follows the thread that started it; Go exits threads only when a
// goroutine locked to one ends.)
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// terminate asks the process group to stop.
func terminate(p *os.Process) { syscall.Kill(-p.Pid, syscall.SIGTERM) }

// kill kills the process group.
func kill(p *os.Process) { syscall.Kill(-p.Pid, syscall.SIGKILL) }
