package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// loadState reads a state file. A missing file is no state (ok=false, no
// error); an unreadable or empty one is an error, so that it is never
// silently replaced.
func loadState(path string) (data []byte, ok bool, err error) {
	data, err = os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("reading state file: %w", err)
	}
	if len(data) == 0 {
		return nil, false, fmt.Errorf("state file %s is empty (corrupt?); move it away to start afresh", path)
	}
	return data, true, nil
}

// saveState writes data to path atomically: a temporary file in the same
// directory, fsynced, renamed over path, then the directory fsynced. A crash
// at any point leaves either the old file or the new one, never a partial
// one.
func saveState(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		_ = f.Close()
		return fmt.Errorf("saving state: %w", err)
	}
	if err = f.Sync(); err != nil {
		_ = f.Close()
		return fmt.Errorf("saving state: %w", err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	if err = os.Chmod(tmp, 0o600); err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("saving state: %w", err)
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
