// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A small ERC-20 for the JSON-RPC end-to-end tests: transfers, approvals, a custom error,
/// a require with a reason, a panic, and an event with an indexed string.
contract Token {
    string public constant name = "Test Token";
    string public constant symbol = "TT";
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    address public immutable owner;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Note(address indexed author, uint256 indexed id, string text);

    error InsufficientBalance(address from, uint256 balance, uint256 needed);

    constructor(uint256 supply) {
        owner = msg.sender;
        totalSupply = supply;
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        require(allowed >= value, "allowance exceeded");
        allowance[from][msg.sender] = allowed - value;
        _move(from, to, value);
        return true;
    }

    function mint(address to, uint256 value) external {
        require(msg.sender == owner, "only the owner mints");
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }

    function note(uint256 id, string calldata text) external {
        emit Note(msg.sender, id, text);
    }

    function ratio(uint256 a, uint256 b) external pure returns (uint256) {
        return a / b;  // b == 0: Panic(0x12)
    }

    function _move(address from, address to, uint256 value) internal {
        uint256 balance = balanceOf[from];
        if (balance < value) revert InsufficientBalance(from, balance, value);
        balanceOf[from] = balance - value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}

/// The code an EOA delegates to with EIP-7702: it reports who runs it and counts calls in
/// the EOA's own storage.
contract Delegate {
    uint256 public calls;
    event Pinged(address indexed self, address indexed sender, uint256 calls);

    function ping() external returns (uint256) {
        calls += 1;
        emit Pinged(address(this), msg.sender, calls);
        return calls;
    }
}
