//go:build !linux

package dgraphrun

import (
	"os"
	"syscall"
)

// sysProcAttr: off Linux, Dgraph stays in the caller's process group and is
// not killed when the caller dies.
func sysProcAttr() *syscall.SysProcAttr { return nil }

// terminate asks the process to stop (where signals exist; else kills it).
func terminate(p *os.Process) {
	if p.Signal(syscall.SIGTERM) != nil {
		p.Kill()
	}
}

// kill kills the process.
func kill(p *os.Process) { p.Kill() }
