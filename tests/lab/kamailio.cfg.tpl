#!KAMAILIO
#
# Test-lab PBX: SIP-over-WebSocket registrar + proxy on 127.0.0.1 only.
# Template rendered by tests/lab/kamailio.mjs; double-brace placeholders are
# replaced there. Nothing is stored on disk: locations live in memory,
# passwords in an htable filled at start-up.
#
# What it does:
#   - ws://127.0.0.1:{{WS_PORT}} (xhttp + websocket), udp:127.0.0.1:{{UDP_PORT}}
#   - SIP domain "{{DOMAIN}}" is local (alias), realm = domain
#   - REGISTER with digest auth (401), out-of-dialog INVITE/MESSAGE/REFER/
#     SUBSCRIBE from local users challenged with 407
#   - WebSocket clients are always treated as NATed: add_contact_alias() on
#     their Contacts (requests and replies), handle_ruri_alias() after
#     loose_route() so in-dialog requests (BYE, INFO, REFER, NOTIFY,
#     re-INVITE) find the WebSocket connection again
#   - lookup("location"): 404 unknown user, 480 known but not registered
#   - OPTIONS to the server itself: 200
#   - presence server (RFC 3265/6665) for two events, kept in memory (db_text tables in the
#     temp dir only to start from): message-summary (RFC 3842, presence_mwi: a voicemail system
#     PUBLISHes a mailbox's state, its owner SUBSCRIBEs) and dialog (RFC 4235,
#     presence_dialoginfo): every call through the lab is a tracked dialog (dialog module) whose
#     states pua_dialoginfo PUBLISHes, for caller and callee, to this same server over UDP, so a
#     SUBSCRIBE to a colleague's extension follows its real calls

####### Global parameters #########

debug={{DEBUG}}
log_stderror=yes
memdbg=5
memlog=5
log_prefix="{mt:$mt cid:$ci} "

children=2
tcp_children=2
auto_aliases=no
dns=no
rev_dns=no
dns_try_ipv6=no
use_dns_cache=no

listen=udp:127.0.0.1:{{UDP_PORT}}
listen=tcp:127.0.0.1:{{WS_PORT}}
alias="{{DOMAIN}}"

enable_tls=no
tcp_accept_no_cl=yes
tcp_connection_lifetime=3605
tcp_connect_timeout=2

server_header="Server: kamailio-test-lab"
user_agent_header="User-Agent: kamailio-test-lab"

mpath="{{MPATH}}"

####### Modules #########

loadmodule "kex.so"
loadmodule "corex.so"
loadmodule "tm.so"
loadmodule "tmx.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
loadmodule "textops.so"
loadmodule "textopsx.so"
loadmodule "siputils.so"
loadmodule "xlog.so"
loadmodule "htable.so"
loadmodule "auth.so"
loadmodule "nathelper.so"
loadmodule "xhttp.so"
loadmodule "websocket.so"
loadmodule "jsonrpcs.so"
loadmodule "db_text.so"
loadmodule "dialog.so"
loadmodule "presence.so"
loadmodule "presence_mwi.so"
loadmodule "presence_dialoginfo.so"
loadmodule "pua.so"
loadmodule "pua_dialoginfo.so"
#!ifdef WITH_RTPENGINE
loadmodule "rtpengine.so"
loadmodule "sdpops.so"
#!endif

# tm: short final-response timer for non-INVITE, 30 s ring timeout
modparam("tm", "fr_timer", 5000)
modparam("tm", "fr_inv_timer", 30000)

# rr
modparam("rr", "enable_full_lr", 0)
modparam("rr", "append_fromtag", 1)

# usrloc: memory only; forget WebSocket contacts when their connection goes
modparam("usrloc", "db_mode", 0)
modparam("usrloc", "handle_lost_tcp", 1)
modparam("usrloc", "close_expired_tcp", 1)
modparam("usrloc", "timer_interval", 10)

# registrar
modparam("registrar", "method_filtering", 1)
modparam("registrar", "max_expires", {{MAX_EXPIRES}})
modparam("registrar", "min_expires", 10)
modparam("registrar", "received_avp", "$avp(RECEIVED)")

# nathelper: no pinging (WebSocket has its own keepalive)
modparam("nathelper", "received_avp", "$avp(RECEIVED)")
modparam("nathelper", "natping_interval", 0)

# auth
modparam("auth", "nonce_expire", 300)
modparam("auth", "secret", "{{AUTH_SECRET}}")

# jsonrpcs: over HTTP only (the xhttp route above), no FIFO file
modparam("jsonrpcs", "transport", 1)

# passwords (filled in event_route[htable:mod-init])
modparam("htable", "htable", "users=>size=4;autoexpire=0;")

#!ifdef WITH_RTPENGINE
# The media gateway (tests/lab/rtpengine.mjs): WebRTC on WebSocket clients' side, RTP/AVP on
# UDP phones' side, as a PBX bridges browsers to desk phones and trunks.
modparam("rtpengine", "rtpengine_sock", "{{RTPENGINE_SOCK}}")
#!define FLT_GW 1
#!define FLT_OFFER_FROM_WS 2
#!endif

# presence: subscriptions in memory only; publications cached in memory
modparam("presence", "db_url", "{{DB_URL}}")
modparam("presence", "server_address", "sip:presence@127.0.0.1:{{UDP_PORT}}")
modparam("presence", "subs_db_mode", 0)
modparam("presence", "publ_cache", 1)
modparam("presence", "max_expires", 3600)
modparam("presence", "min_expires", 10)
# a colleague with no call gets a dialog-info document saying so (not an empty NOTIFY)
modparam("presence_dialoginfo", "force_dummy_dialog", 1)
modparam("pua", "db_url", "{{DB_URL}}")
modparam("pua", "db_mode", 0)
modparam("pua", "outbound_proxy", "sip:127.0.0.1:{{UDP_PORT}}")

# websocket
modparam("websocket", "keepalive_mechanism", 1)
modparam("websocket", "keepalive_timeout", 30)

####### Routing logic ########

request_route {
	if (!mf_process_maxfwd_header("10")) {
		sl_send_reply("483", "Too Many Hops");
		exit;
	}

	route(WSNAT);

	if (is_method("CANCEL")) {
		if (t_check_trans()) {
			route(RELAY);
		}
		exit;
	}

	if (has_totag()) {
		route(WITHINDLG);
		exit;
	}

	# absorb retransmissions of initial requests
	if (!is_method("ACK")) {
		if (t_precheck_trans()) {
			t_check_trans();
			exit;
		}
		t_check_trans();
	}

	# stray ACK without to-tag: nothing to do
	if (is_method("ACK")) {
		exit;
	}

	remove_hf("Route");

	if (is_method("REGISTER")) {
		route(REGISTRAR);
		exit;
	}

	# keepalives / pings addressed to the server itself
	if (is_method("OPTIONS") && ($rU == $null || $rU == "")) {
		sl_send_reply("200", "OK");
		exit;
	}

	if (!(uri == myself)) {
		sl_send_reply("403", "Relaying Forbidden");
		exit;
	}

	# pua_dialoginfo's own PUBLISHes (from this server's UDP socket) need no credentials
	if (is_method("PUBLISH") && $si == "127.0.0.1" && $sp == {{UDP_PORT}}) {
		route(PRESENCE);
	}

	if (is_method("INVITE|MESSAGE|REFER|SUBSCRIBE|PUBLISH|NOTIFY|INFO|UPDATE")) {
		route(AUTH);
	}

	if (is_method("PUBLISH|SUBSCRIBE")) {
		route(PRESENCE);
	}

	# every call is a dialog whose states pua_dialoginfo publishes (event "dialog")
	if (is_method("INVITE")) {
		dlg_manage();
	}

	if (is_method("INVITE|SUBSCRIBE|REFER")) {
		record_route();
	}

	route(LOCATION);
}

# Every request from a WebSocket client: fix the Via (rport) and make its
# Contact reachable over the same connection.
route[WSNAT] {
	if (!nat_uac_test("64")) {
		return;
	}
	force_rport();
	if (is_method("REGISTER")) {
		fix_nated_register();
	} else if (is_method("SUBSCRIBE") && uri == myself && ($hdr(Event) =~ "^(message-summary|dialog)" || has_totag())) {
		# The presence server NOTIFYs this Contact itself: make it the connection's address, over
		# WebSocket (a GRUU Contact, as SIP.js sends once registered, names no transport), and let
		# the presence module see the rewritten header (msg_apply_changes).
		fix_nated_contact();
		msg_apply_changes();
		if (!($ct =~ "transport=ws")) {
			subst_hf("Contact", "/(sips?:[^>;]*)/\1;transport=ws/", "f");
			msg_apply_changes();
		}
	} else if (is_present_hf("Contact")) {
		if (!add_contact_alias()) {
			xlog("L_ERR", "cannot alias contact <$ct>\n");
			sl_send_reply("400", "Bad Contact");
			exit;
		}
	}
}

route[WITHINDLG] {
	if (loose_route()) {
#!ifdef WITH_RTPENGINE
		if (check_route_param("gw=1")) {
			setflag(FLT_GW);
		}
#!endif
		if ($du == "") {
			handle_ruri_alias();
			if ($rc == -1) {
				sl_send_reply("400", "Bad Alias");
				exit;
			}
		}
		route(RELAY);
		exit;
	}
	if (is_method("ACK")) {
		# ACK for a negative reply: hop-by-hop, absorbed by tm
		if (t_check_trans()) {
			route(RELAY);
		}
		exit;
	}
	if (is_method("OPTIONS") && uri == myself) {
		sl_send_reply("200", "OK");
		exit;
	}
	# refresh or end of a subscription to the presence server
	if (is_method("SUBSCRIBE") && uri == myself) {
		route(PRESENCE);
	}
	sl_send_reply("404", "Not Here");
	exit;
}

route[AUTH] {
	# only local users may originate requests through the lab
	if (!(from_uri == myself)) {
		sl_send_reply("403", "Not a Local User");
		exit;
	}
	route(CHECK_CREDENTIALS);
}

route[REGISTRAR] {
	if (!(uri == myself) || !(to_uri == myself)) {
		sl_send_reply("403", "Not a Local Domain");
		exit;
	}
	if ($sht(users=>$tU) == $null) {
		sl_send_reply("403", "Unknown User");
		exit;
	}
	route(CHECK_CREDENTIALS);
	if (!save("location")) {
		sl_reply_error();
	}
	xlog("L_INFO", "REGISTER $tU from $si:$sp ($proto) contact $ct\n");
	exit;
}

# Digest check against the htable; 401 (REGISTER) / 407 (others) challenge
# when there are no (or stale) credentials, 403 when they are wrong.
route[CHECK_CREDENTIALS] {
	if ($au == $null || $au == "") {
		auth_challenge("{{DOMAIN}}", "0");
		exit;
	}
	if ($sht(users=>$au) == $null) {
		sl_send_reply("403", "Unknown User");
		exit;
	}
	# the user authenticated must be the one it says it is (From; To for REGISTER), except a
	# PUBLISH: a voicemail system publishes the mailboxes of others (message-summary)
	$var(checks) = 1;
	if (is_method("PUBLISH")) {
		$var(checks) = 0;
	}
	if (!pv_auth_check("{{DOMAIN}}", "$sht(users=>$au)", "0", "$var(checks)")) {
		$var(rc) = $rc;
		if ($var(rc) == -2 || $var(rc) == -8) {
			sl_send_reply("403", "Wrong Credentials");
			exit;
		}
		auth_challenge("{{DOMAIN}}", "0");
		exit;
	}
	consume_credentials();
}

# The presence server answers PUBLISH and SUBSCRIBE itself.
route[PRESENCE] {
	if (!t_newtran()) {
		sl_reply_error();
		exit;
	}
	if (is_method("PUBLISH")) {
		handle_publish();
	} else {
		handle_subscribe();
	}
	t_release();
	exit;
}

route[LOCATION] {
	if ($rU == $null || $rU == "") {
		sl_send_reply("404", "Not Found");
		exit;
	}
	# Direct-dial numbers, as a PBX maps its public numbers to extensions:
	# +1 650 555 0101 … 0104 ring 1001 … 1004 (click-to-call tests dial them from web pages).
	if ($rU =~ "^\+1650555010[1-4]$") {
		$rU = "100" + $(rU{s.substr,11,1});
	}
	if (!lookup("location")) {
		$var(rc) = $rc;
		xlog("L_INFO", "$rm to $rU: not registered (lookup $var(rc))\n");
		t_newtran();
		switch ($var(rc)) {
			case -2:
				send_reply("405", "Method Not Allowed");
				exit;
			default:
				if ($sht(users=>$rU) != $null) {
					send_reply("480", "Temporarily Unavailable");
				} else {
					send_reply("404", "Not Found");
				}
				exit;
		}
	}
	route(RELAY);
}

route[RELAY] {
#!ifdef WITH_RTPENGINE
	route(GATEWAY);
#!endif
	if (is_method("INVITE|SUBSCRIBE|REFER|UPDATE|NOTIFY")) {
		t_on_reply("WSREPLY");
	}
	if (is_method("INVITE")) {
		t_on_failure("FAILED");
		# Calls from 1003 present its public number, as a PBX asserts a trunk caller's
		# identity: the phone then sees +1 650 555 0103 (caller-ID matching tests use it).
		if ($fU == "1003" && !has_totag()) {
			append_hf("P-Asserted-Identity: <sip:+16505550103@{{DOMAIN}}>\r\n");
		}
	}
	if (!t_relay()) {
		# registered contact whose WebSocket is gone: "offline"
		if (!has_totag() && is_method("INVITE|MESSAGE|REFER|SUBSCRIBE")) {
			send_reply("480", "Temporarily Unavailable");
		} else {
			sl_reply_error();
		}
	}
	exit;
}

# Contacts in replies from WebSocket clients need the alias too (callee's
# 200 OK Contact is the target of the caller's in-dialog requests).
onreply_route[WSREPLY] {
	if (nat_uac_test("64") && is_present_hf("Contact")) {
		add_contact_alias();
	}
#!ifdef WITH_RTPENGINE
	if (isflagset(FLT_GW) && has_body("application/sdp") && status =~ "^(18[03]|2[0-9][0-9])$") {
		if (isflagset(FLT_OFFER_FROM_WS)) {
			rtpengine_answer("ICE=force RTP/SAVPF rtcp-mux-require replace-origin replace-session-connection");
		} else {
			rtpengine_answer("ICE=remove RTP/AVP rtcp-mux-demux DTLS=off SDES-off replace-origin replace-session-connection");
		}
	}
#!endif
}

#!ifdef WITH_RTPENGINE
# A call between a WebSocket client and a UDP phone goes through rtpengine: each offer is turned
# into what the receiving side speaks (WebRTC or plain RTP/AVP), and each answer back.
route[GATEWAY] {
	if (is_method("INVITE") && !has_totag()) {
		$var(to_ws) = 0;
		if ($ru =~ "transport=ws" || $du =~ "transport=ws") {
			$var(to_ws) = 1;
		}
		$var(from_ws) = 0;
		if ($proto == "ws" || $proto == "wss") {
			$var(from_ws) = 1;
		}
		if ($var(to_ws) != $var(from_ws)) {
			setflag(FLT_GW);
			add_rr_param(";gw=1");
		}
	}
	if (!isflagset(FLT_GW)) {
		return;
	}
	if (is_method("BYE|CANCEL")) {
		rtpengine_delete();
		return;
	}
	if (!is_method("INVITE") || !has_body("application/sdp")) {
		return;
	}
	if ($proto == "ws" || $proto == "wss") {
		setflag(FLT_OFFER_FROM_WS);
		rtpengine_offer("ICE=remove RTP/AVP rtcp-mux-demux DTLS=off SDES-off replace-origin replace-session-connection");
	} else {
		rtpengine_offer("ICE=force RTP/SAVPF rtcp-mux-offer generate-mid SDES-off replace-origin replace-session-connection");
	}
}
#!endif

failure_route[FAILED] {
#!ifdef WITH_RTPENGINE
	if (isflagset(FLT_GW)) {
		rtpengine_delete();
	}
#!endif
	if (t_is_canceled()) {
		exit;
	}
	xlog("L_INFO", "$rm to $rU failed: $T_reply_code\n");
	# no answer at all from the callee (gone, unreachable): say "offline"
	if (t_branch_timeout() && !t_branch_replied()) {
		t_reply("480", "Temporarily Unavailable");
		exit;
	}
	if (t_check_status("477|503") && !t_branch_replied()) {
		t_reply("480", "Temporarily Unavailable");
		exit;
	}
}

event_route[htable:mod-init] {
{{USERS}}
}

event_route[xhttp:request] {
	set_reply_close();
	set_reply_no_connect();
	if ($Rp != {{WS_PORT}}) {
		xhttp_reply("403", "Forbidden", "", "");
		exit;
	}
	if ($hdr(Upgrade) =~ "websocket" && $hdr(Connection) =~ "Upgrade" && $rm =~ "GET") {
		if (ws_handle_handshake()) {
			exit;
		}
	}
	# Lab only: Kamailio's RPC over HTTP on loopback (tests read the location table: ul.dump).
	if ($hu =~ "^/RPC") {
		jsonrpc_dispatch();
		exit;
	}
	xhttp_reply("404", "Not Found", "text/plain", "kamailio test lab: use WebSocket\n");
}
