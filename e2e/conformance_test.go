package e2e

import (
	"strings"
	"sync"
	"testing"

	"github.com/ionos-go/ionos"
	"github.com/ionos-go/ionos/internal/oascheck"
)

// TestEmulatorAnswersConformToV6 runs the all-operations walk on Cloud API
// v6 and validates every answer the emulator gives against the response
// schemas of cloudapi-v6.yaml amended by cloudapi-v6-later.yaml (what the
// live v6 gained), strictly (see internal/oascheck), and every JSON body the
// SDK sends against the request schemas. It fails on any violation that is
// not an erratum of the documents (v6Errata, v6RequestErrata), and on an
// erratum that nothing needed.
func TestEmulatorAnswersConformToV6(t *testing.T) {
	doc, err := oascheck.Load("../api/cloudapi-v6.yaml", "../api/cloudapi-v6-later.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu      sync.Mutex
		found   oascheck.Findings
		notJSON []string
		sent    oascheck.Findings // the SDK's request bodies
	)
	everyOperationSeen(t, ionos.APIv6, func(x exchange) {
		if len(x.Req) > 0 && strings.Contains(x.ReqType, "json") {
			sent.Add(x.Method+" "+x.Path, doc.CheckRequest(x.Method, x.Path, x.Req))
		}
		if len(x.Resp) > 0 && !strings.Contains(x.RespType, "json") {
			// The kubeconfig comes as YAML, as the document declares it
			// (application/yaml); the validator reads JSON only.
			mu.Lock()
			notJSON = append(notJSON, x.Method+" "+x.Path+" "+x.RespType)
			mu.Unlock()
			return
		}
		found.Add(x.Method+" "+x.Path, doc.CheckAnswer(x.Method, x.Path, x.Status, x.Resp))
	})
	for _, x := range notJSON {
		if !strings.HasSuffix(strings.Fields(x)[1], "/kubeconfig") {
			t.Errorf("an answer that is not JSON: %s", x)
		}
	}
	bad, unneeded, n, applied := found.Verdict(v6Errata)
	for _, b := range bad {
		t.Error(b)
	}
	for _, e := range unneeded {
		t.Errorf("erratum %s is not needed by any answer: remove it", e)
	}
	t.Logf("%d answers checked; %d errata of the documents applied", n, applied)

	bad, unneeded, n, applied = sent.Verdict(v6RequestErrata)
	for _, b := range bad {
		t.Error("the SDK sent: " + b)
	}
	for _, e := range unneeded {
		t.Errorf("request erratum %s is not needed by any request: remove it", e)
	}
	t.Logf("%d request bodies of the SDK checked; %d errata of the documents applied", n, applied)
}

// v6Errata are the places where the v6 documents are wrong about what the
// API answers; nothing else is excused.
var v6Errata = []oascheck.Erratum{
	{Kind: "type-object", At: []string{"*.type", "NatGatewayRuleProperties.protocol"},
		Reason: "as in v5, `type` (and a NAT gateway rule's protocol) is declared `{allOf: [an enum], type: object}`, but the enum is of strings and the API sends a string"},
	{Kind: "reference", At: []string{"*"},
		Reason: "as in v5, the items of a collection at depth 0, and of entities one level below the requested depth, are references {id, type, href}, as the depth parameter's description says, while the items' schemas require properties"},
	{Kind: "null", At: []string{"VolumeProperties.deviceNumber", "VolumeProperties.bus"},
		Reason: "as in v5: deviceNumber is null for a volume not mounted to any server; the bus belongs to the attachment"},
	{Kind: "null", At: []string{"VolumeProperties.sshKeys", "VolumeProperties.imagePassword"},
		Reason: "as in v5, write-only: sshKeys \"When reading, it always returns null\"; imagePassword is never read back"},
	{Kind: "null", At: []string{"VolumeProperties.image", "VolumeProperties.imageAlias", "VolumeProperties.backupunitId",
		"LanProperties.pcc", "ServerProperties.bootCdrom", "ServerProperties.bootVolume"},
		Reason: "as in v5, an optional reference that is not set reads back null (a volume without an image or backup unit, a LAN on no cross-connect, a server without a boot device)"},
	{Kind: "null", At: []string{"DatacenterProperties.description", "IpBlockProperties.name", "ImageProperties.description"},
		Reason: "as in v5, a name or description that was never given reads back null (public images have no description)"},
	{Kind: "null", At: []string{"UserMetadata.lastLogin"},
		Reason: "as in v5, a user who never logged in has no last login"},
}

// v6RequestErrata are the places where the SDK's request bodies differ from
// the v6 documents' request schemas, each because the document is wrong.
var v6RequestErrata = []oascheck.Erratum{
	{Kind: "reference", At: []string{"Image", "Nic"},
		Reason: "attaching an existing CD-ROM to a server or NIC to a LAN takes {\"id\": ...}, as every attach call of the API (and of the Python SDK 5.2.0) does, while the document declares the whole resource with its required properties"},
	{Kind: "type-object", At: []string{"NatGatewayRuleProperties.type", "NatGatewayRuleProperties.protocol"},
		Reason: "a NAT gateway rule's type and protocol are declared `{allOf: [an enum], type: object}`, but the enums are of strings"},
}

// TestSDKRequestsConformToV5 validates every JSON body the SDK sends in the
// all-operations walk on Cloud API v5 against the request schemas of
// cloudapi-v5.yaml (the emulator's v5 answers are validated by
// ionostest's TestConformanceV5).
func TestSDKRequestsConformToV5(t *testing.T) {
	doc, err := oascheck.Load("../api/cloudapi-v5.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var sent oascheck.Findings
	everyOperationSeen(t, ionos.APIv5, func(x exchange) {
		if len(x.Req) > 0 && strings.Contains(x.ReqType, "json") {
			sent.Add(x.Method+" "+x.Path, doc.CheckRequest(x.Method, x.Path, x.Req))
		}
	})
	bad, unneeded, n, applied := sent.Verdict(v5RequestErrata)
	for _, b := range bad {
		t.Error("the SDK sent: " + b)
	}
	for _, e := range unneeded {
		t.Errorf("request erratum %s is not needed by any request: remove it", e)
	}
	t.Logf("%d request bodies of the SDK checked; %d errata of the document applied", n, applied)
}

// v5RequestErrata are the places where the SDK's request bodies differ from
// cloudapi-v5.yaml's request schemas, each because the document is wrong.
var v5RequestErrata = []oascheck.Erratum{
	{Kind: "reference", At: []string{"Image", "Nic", "User", "Volume"},
		Reason: "attaching an existing volume or CD-ROM to a server, a NIC to a LAN or a user to a group takes {\"id\": ...}, as the Python SDK 5.2.0 sends it, while the document declares the whole resource with its required properties"},
}
