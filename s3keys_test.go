package ionos

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	s3KeyID     = "00e2f8c5a7b94d1c9e3f"
	s3SecretKey = "tFVkUARsoeCdntQs2jVSyGG6TMPfPZ+ghnsWj/gG"
)

func TestS3KeysList(t *testing.T) {
	m := newMockAPI(t)
	p := "/um/users/" + umUserID + "/s3keys"
	m.on(http.MethodGet, p, 200, fixture(t, "s3key_list.json"))
	ks, _, err := m.c.S3Keys.List(context.Background(), umUserID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, p, "depth", "1")
	assertNoBody(t, c)
	require.Len(t, ks, 2)
	assert.Equal(t, s3KeyID, ks[0].ID)
	assert.Equal(t, s3SecretKey, ks[0].Properties.SecretKey.Reveal())
	assert.True(t, ks[0].Properties.Active)
	assert.False(t, ks[1].Properties.Active)
}

func TestS3KeysGet(t *testing.T) {
	m := newMockAPI(t)
	p := "/um/users/" + umUserID + "/s3keys/" + s3KeyID
	m.on(http.MethodGet, p, 200, fixture(t, "s3key_created.json"))
	k, _, err := m.c.S3Keys.Get(context.Background(), umUserID, s3KeyID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodGet, p, "depth", "1")
	assert.Equal(t, "s3key", k.Type)
	assert.Equal(t, s3SecretKey, k.Properties.SecretKey.Reveal())
	assert.Equal(t, time.Date(2020, 8, 26, 9, 0, 0, 0, time.UTC), k.Metadata.CreatedDate)
}

func TestS3KeysCreateSendsNoBody(t *testing.T) {
	m := newMockAPI(t)
	p := "/um/users/" + umUserID + "/s3keys"
	m.on(http.MethodPost, p, 200, fixture(t, "s3key_created.json")) // the spec answers 200 here
	k, resp, err := m.c.S3Keys.Create(context.Background(), umUserID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodPost, p)
	assertNoBody(t, c)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, s3KeyID, k.ID)
	assert.Equal(t, s3SecretKey, k.Properties.SecretKey.Reveal())
}

func TestS3KeysUpdate(t *testing.T) {
	for _, active := range []bool{false, true} {
		t.Run(map[bool]string{false: "deactivate", true: "activate"}[active], func(t *testing.T) {
			m := newMockAPI(t)
			p := "/um/users/" + umUserID + "/s3keys/" + s3KeyID
			m.onAccepted(http.MethodPut, p, fixture(t, "s3key_inactive.json"))
			k, resp, err := m.c.S3Keys.Update(context.Background(), umUserID, s3KeyID, active)
			require.NoError(t, err)
			c := m.only()
			assertCall(t, c, http.MethodPut, p)
			if active {
				assertJSONBody(t, c, `{"properties":{"active":true}}`)
			} else {
				assertJSONBody(t, c, `{"properties":{"active":false}}`)
			}
			assertAccepted(t, resp)
			assert.False(t, k.Properties.Active)
		})
	}
}

func TestS3KeysDelete(t *testing.T) {
	m := newMockAPI(t)
	p := "/um/users/" + umUserID + "/s3keys/" + s3KeyID
	m.onDeleteAccepted(p)
	resp, err := m.c.S3Keys.Delete(context.Background(), umUserID, s3KeyID)
	require.NoError(t, err)
	assertCall(t, m.only(), http.MethodDelete, p)
	assertNoBody(t, m.only())
	assertAccepted(t, resp)
}

func TestS3KeysSSOURL(t *testing.T) {
	m := newMockAPI(t)
	p := "/um/users/" + umUserID + "/s3ssourl"
	m.on(http.MethodGet, p, 200, fixture(t, "s3key_ssourl.json"))
	u, _, err := m.c.S3Keys.SSOURL(context.Background(), umUserID)
	require.NoError(t, err)
	c := m.only()
	assertCall(t, c, http.MethodGet, p) // the spec has no depth here
	assertNoBody(t, c)
	assert.Equal(t, "https://s3-de-central.profitbricks.com:8443/sso?token=eyJhbGciOi.s3sso", u.URL)
}
