// Command kubernetes creates a Kubernetes cluster, waits until it is
// ACTIVE, adds a node pool in a new data center and waits for it, prints the
// cluster's kubeconfig size (never its content), and with -cleanup deletes
// everything again: the Python SDK's Kubernetes example, which polled with
// wait_for.
//
//	go run ./examples/kubernetes -emulate -cleanup
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/examples/internal/connect"
)

var cleanup = flag.Bool("cleanup", false, "delete the cluster, node pool and data center at the end")

func main() {
	ctx, c, done, err := connect.Setup()
	if err != nil {
		log.Fatal(err)
	}
	defer done()
	if err := run(ctx, c, os.Stdout, *cleanup); err != nil {
		log.Fatal(err)
	}
}

func states(out io.Writer, what string) ionos.WaitOption {
	return ionos.WithProgress(func(p ionos.WaitProgress) {
		status := p.Status
		if status == "" && p.Done {
			status = "gone"
		}
		fmt.Fprintf(out, "  %s: %s after %s\n", what, status, p.Elapsed.Round(1e6))
	})
}

func run(ctx context.Context, c *ionos.Client, out io.Writer, cleanup bool) error {
	dc, resp, err := c.Datacenters.Create(ctx, ionos.DatacenterSpec{Name: "k8s-nodes", Location: "de/fra"})
	if err != nil {
		return err
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		return err
	}

	cluster, _, err := c.Kubernetes.CreateCluster(ctx, ionos.KubernetesClusterSpec{
		Name:              "go-sdk-cluster",
		MaintenanceWindow: &ionos.MaintenanceWindow{DayOfTheWeek: "Sunday", Time: "03:00:00"},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "cluster %s created\n", cluster.ID)
	// Kubernetes writes have no request to wait for: wait on the state.
	if _, err := c.Kubernetes.WaitForClusterActive(ctx, cluster.ID, states(out, "cluster")); err != nil {
		return err
	}

	pool, _, err := c.Kubernetes.CreateNodePool(ctx, cluster.ID, ionos.KubernetesNodePoolSpec{
		Name:         "pool-1",
		DatacenterID: dc.ID,
		NodeCount:    2,
		CPUFamily:    "INTEL_SKYLAKE",
		CoresCount:   2,
		RAMSize:      4096,
		StorageType:  "SSD",
		StorageSize:  100,
		AutoScaling:  &ionos.AutoScaling{MinNodeCount: 2, MaxNodeCount: 4},
		Labels:       map[string]string{"tier": "web"},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "node pool %s created\n", pool.ID)
	pool, err = c.Kubernetes.WaitForNodePoolActive(ctx, cluster.ID, pool.ID, states(out, "node pool"))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "node pool %q: %d nodes of %d cores, %d MB\n", pool.Properties.Name, pool.Properties.NodeCount, pool.Properties.CoresCount, pool.Properties.RAMSize)

	cfg, _, err := c.Kubernetes.GetKubeconfig(ctx, cluster.ID)
	if err != nil {
		return err
	}
	// The kubeconfig is a Secret: printing it shows [redacted]; Reveal()
	// gives the YAML to write to a file.
	fmt.Fprintf(out, "kubeconfig: %v (%d bytes)\n", cfg, len(cfg.Reveal()))

	if !cleanup {
		return nil
	}
	if _, err := c.Kubernetes.DeleteNodePool(ctx, cluster.ID, pool.ID); err != nil {
		return err
	}
	if err := c.Kubernetes.WaitForNodePoolDeleted(ctx, cluster.ID, pool.ID, states(out, "node pool deletion")); err != nil {
		return err
	}
	if _, err := c.Kubernetes.DeleteCluster(ctx, cluster.ID); err != nil {
		return err
	}
	if err := c.Kubernetes.WaitForClusterDeleted(ctx, cluster.ID, states(out, "cluster deletion")); err != nil {
		return err
	}
	resp, err = c.Datacenters.Delete(ctx, dc.ID)
	if err != nil {
		return err
	}
	if _, err := c.WaitForCompletion(ctx, resp); err != nil {
		return err
	}
	fmt.Fprintln(out, "cleaned up")
	return nil
}
